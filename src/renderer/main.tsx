import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createClient } from './api/client';
import { pickTransport } from './api/pickTransport';
import { App } from './App';
import { createI18n } from './i18n';
import { createStores, StoresProvider } from './store/context';
import './styles.css';

const stores = createStores(createClient(pickTransport(window)));
const i18n = createI18n('vi');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>
    </I18nextProvider>
  </StrictMode>,
);
