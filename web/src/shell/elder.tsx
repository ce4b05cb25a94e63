import { createContext, useContext, type ReactNode } from 'react';
import { useElderMode } from '../pages/items/elder-mode.ts';

/** 长者版 state for the whole app (the hook keeps it in localStorage and on <html>). */
const Ctx = createContext<[boolean, (on: boolean) => void]>([false, () => undefined]);

export const ElderProvider = ({ children }: { children: ReactNode }) => <Ctx.Provider value={useElderMode()}>{children}</Ctx.Provider>;

export const useElder = () => useContext(Ctx);
