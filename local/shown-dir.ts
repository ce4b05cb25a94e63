import { relative, resolve } from 'node:path';

/** A directory as the user would type it (npm start's 数据目录 line): relative below `cwd`, else absolute. */
export const shownDir = (dir: string, cwd: string = process.cwd()): string => {
  const abs = resolve(cwd, dir);
  const rel = relative(cwd, abs);
  return rel === '' ? './' : rel.startsWith('..') ? `${abs}/` : `${rel}/`;
};
