import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * HarfBuzz's hb-subset (harfbuzzjs's wasm, read from disk beside the bundle) cut down to what the
 * PDFs need: an OpenType font to the characters given, with the listed tables dropped and no
 * layout closure. Called directly rather than through a wrapper package, whose format converters
 * (WOFF2 among them: 1.2 MB of JavaScript) the documents never use. Each call runs to the end
 * without awaiting, so calls never interleave on the one wasm instance.
 */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_data(b: number, length: number): number;
  hb_blob_get_length(b: number): number;
  hb_face_create(b: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_set_add(s: number, v: number): void;
  hb_set_clear(s: number): void;
  hb_set_invert(s: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_set(i: number, which: number): number;
  hb_subset_input_unicode_set(i: number): number;
  hb_subset_input_get_flags(i: number): number;
  hb_subset_input_set_flags(i: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const MEMORY_MODE_WRITABLE = 2;
const SETS_DROP_TABLE_TAG = 3;
const SETS_LAYOUT_FEATURE_TAG = 6;
const FLAGS_NO_LAYOUT_CLOSURE = 0x200;

const tag = (s: string): number => [...s].reduce((a, ch) => ((a << 8) | ch.charCodeAt(0)) >>> 0, 0);

let harfbuzz: Promise<HarfBuzz> | undefined;
const load = (): Promise<HarfBuzz> =>
  (harfbuzz ??= (async () => {
    const wasm = await readFile(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm);
    const hb = instance.exports as unknown as HarfBuzz;
    hb._initialize();
    return hb;
  })());

export const subsetFont = async (font: Uint8Array, text: string, opts: { dropTables: readonly string[] }): Promise<Uint8Array> => {
  const hb = await load();
  // the wasm memory may grow while subsetting: a fresh view at each use
  const heap = () => new Uint8Array(hb.memory.buffer);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  const fontPtr = hb.malloc(font.byteLength);
  heap().set(font, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, font.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    // every layout feature kept (hb-subset's --layout-features=*), as the tables dropped decide
    const features = hb.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | FLAGS_NO_LAYOUT_CLOSURE);
    const drop = hb.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
    for (const t of opts.dropTables) hb.hb_set_add(drop, tag(t));
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    const subset = hb.hb_subset_or_fail(face, input);
    if (!subset) throw new Error('hb_subset_or_fail failed: is the font file whole?');
    const out = hb.hb_face_reference_blob(subset);
    const at = hb.hb_blob_get_data(out, 0);
    const bytes = heap().slice(at, at + hb.hb_blob_get_length(out));
    hb.hb_blob_destroy(out);
    hb.hb_face_destroy(subset);
    if (!bytes.length) throw new Error('hb-subset gave an empty font');
    return bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(fontPtr);
  }
};
