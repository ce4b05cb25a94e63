import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { esbuildOptions } from '../infra/constructs/bundling.ts';
import { deployedFunctions } from './functions.ts';
const f = deployedFunctions().find((x) => x.fn === process.argv[2])!;
const r = await build({ ...esbuildOptions(f.entry), write: false, metafile: true });
writeFileSync('/tmp/fn.mjs', r.outputFiles[0]!.contents);
console.log(f.fn, r.outputFiles[0]!.contents.length);
