import './app/stylesheets';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createClient } from './api/client';
import { pickTransport } from './api/pickTransport';
import { App } from './app/App';
import { DatabaseGate } from './backups/DatabaseGate';
import { createI18n } from './i18n';
import { PhoneProvider } from './phone/phoneContext';
import { createPhoneController } from './phone/phoneController';
import { createStores, StoresProvider } from './app/stores';
import { createPhoneStore } from './phone/phoneStore';

const stores = createStores(createClient(pickTransport(window)));
const i18n = createI18n('vi');
// The phone lives as long as the page, outside React: a re-render must never drop a call.
const phoneStore = createPhoneStore();
const phone = createPhoneController(stores.client, phoneStore);
phone.start();
window.addEventListener('pagehide', () => void phone.dispose());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoresProvider stores={stores}>
        <PhoneProvider controller={phone} store={phoneStore}>
          <DatabaseGate>
            <App />
          </DatabaseGate>
        </PhoneProvider>
      </StoresProvider>
    </I18nextProvider>
  </StrictMode>,
);
