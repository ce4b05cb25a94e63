/** Time as a port: use cases take a Clock so tests can move it (idle timeouts, due dates). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
