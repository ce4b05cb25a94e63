import { useCallback, useEffect, useState } from 'react';

/**
 * 长者版 (elder mode): larger type, higher contrast, bigger touch targets. Kept in
 * localStorage so a kiosk stays in the mode it was set to; applied as a class on <html>.
 */
const KEY = 'bianmin.elderMode';

export const useElderMode = (): [boolean, (on: boolean) => void] => {
  const [on, setOn] = useState(() => typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('elder-mode', on);
  }, [on]);
  const set = useCallback((v: boolean) => {
    localStorage.setItem(KEY, v ? '1' : '0');
    setOn(v);
  }, []);
  return [on, set];
};
