import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PhoneState, PhoneStore } from './phoneStore';
import type { PhoneController } from './phoneController';

interface PhoneContextValue {
  controller: PhoneController;
  store: PhoneStore;
}

const PhoneContext = createContext<PhoneContextValue | null>(null);

export function PhoneProvider({
  controller,
  store,
  children,
}: PhoneContextValue & { children: ReactNode }) {
  return <PhoneContext.Provider value={{ controller, store }}>{children}</PhoneContext.Provider>;
}

function usePhoneContext(): PhoneContextValue {
  const value = useContext(PhoneContext);
  if (!value) throw new Error('PhoneProvider is missing');
  return value;
}

export function usePhoneController(): PhoneController {
  return usePhoneContext().controller;
}

export function usePhone<T>(selector: (s: PhoneState) => T): T {
  return useStore(usePhoneContext().store, selector);
}

export function usePhoneStore(): PhoneStore {
  return usePhoneContext().store;
}
