/**
 * Error messages for any page, without antd: public pages stay light (no antd in their first load),
 * so a plain toast shows the message until the antd theme registers its own `message.error`.
 */
let show: (text: string) => void = (text) => {
  const box = document.createElement('div');
  box.className = 'plain-toast';
  box.setAttribute('role', 'alert');
  box.textContent = text;
  document.body.appendChild(box);
  setTimeout(() => box.remove(), 5000);
};

export const notifyError = (text: string): void => show(text);

/** The staff app's antd theme hands over its message API once it has loaded. */
export const setNotifier = (fn: (text: string) => void): void => {
  show = fn;
};
