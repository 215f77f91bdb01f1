// Shared by the plot tests: validate a spec against the Vega-Lite JSON
// schema shipped in vega-lite, render it with the real vega, parse the SVG
// as XML and read the marks' positions back.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { XMLParser } from 'fast-xml-parser';
import { renderSvg } from '../../src/plot/renderSvg';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMA_FILE = join(ROOT, 'node_modules/vega-lite/build/vega-lite-schema.json');
let validator: ValidateFunction | undefined;

/**
 * The validator of the Vega-Lite schema. Compiling the 1.5 MB schema takes
 * ~10 s, so the compiled code is cached in .tmp/ (per vega-lite version) for
 * the other test files: ajv's standalone code of the same schema and options.
 */
function loadValidator(): ValidateFunction {
  const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules/vega-lite/package.json'), 'utf8')) as { version: string }).version;
  const cache = join(ROOT, '.tmp', `vega-lite-${version}-validator.cjs`);
  const require = createRequire(join(ROOT, 'package.json'));
  if (existsSync(cache)) return require(cache) as ValidateFunction;
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: false, validateFormats: false, code: { source: true } });
  const validate = ajv.compile(schema);
  mkdirSync(dirname(cache), { recursive: true });
  const tmp = `${cache}.${process.pid}`;
  writeFileSync(tmp, standaloneCode(ajv, validate));
  renameSync(tmp, cache); // atomic: a concurrent test file reads the old or the new file, never half of it
  return validate;
}

/** The schema errors of `spec` (empty when it is a valid Vega-Lite spec). */
export function schemaErrors(spec: unknown): string[] {
  validator ??= loadValidator();
  // JSON round trip: the spec must be plain JSON.
  const ok = validator(JSON.parse(JSON.stringify(spec)));
  return ok ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** One SVG element of a mark, with the translation of its enclosing groups (below the outer padding). */
export interface MarkItem {
  tag: string;
  attrs: Record<string, string>;
  /** Sum of the `translate`s of the enclosing groups, the outer padding group excluded. */
  offset: [number, number];
}

type Node = Record<string, unknown>;

function translateOf(transform: string | undefined): [number, number] {
  const m = /translate\(\s*([-\d.e]+)[ ,]\s*([-\d.e]+)\s*\)/.exec(transform ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** The parsed SVG (fast-xml-parser, order preserved). */
export function parseSvg(svg: string): Node[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, allowBooleanAttributes: true });
  return parser.parse(svg) as Node[];
}

function tagOf(n: Node): string {
  return Object.keys(n).find((k) => k !== ':@')!;
}

/** Every element inside the groups whose class has `${name}_marks`. */
export function markItems(doc: Node[], name: string): MarkItem[] {
  const out: MarkItem[] = [];
  const visit = (nodes: Node[], offset: [number, number], depth: number, inside: boolean): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      const attrs = (n[':@'] ?? {}) as Record<string, string>;
      const children = (n[tag] ?? []) as Node[];
      if (inside && tag !== 'g') out.push({ tag, attrs, offset });
      if (tag === 'g' || tag === 'svg') {
        const t = tag === 'g' && depth > 1 ? translateOf(attrs.transform) : [0, 0];
        const cls = attrs.class ?? '';
        visit(children, [offset[0] + t[0], offset[1] + t[1]], tag === 'g' ? depth + 1 : depth, inside || cls.split(' ').includes(`${name}_marks`));
      }
    }
  };
  visit(doc, [0, 0], 1, false);
  return out;
}

/** The vertices of an SVG path made of M and L commands, translated. */
export function pathVertices(d: string, offset: [number, number] = [0, 0]): [number, number][] {
  const out: [number, number][] = [];
  const re = /([ML])\s*([-\d.e]+)[ ,]\s*([-\d.e]+)/g;
  for (const m of d.matchAll(re)) out.push([Number(m[2]) + offset[0], Number(m[3]) + offset[1]]);
  return out;
}

/** The position of a symbol or text item: its translate plus its groups'. */
export function position(item: MarkItem): [number, number] {
  const t = translateOf(item.attrs.transform);
  return [t[0] + item.offset[0], t[1] + item.offset[1]];
}

/** Every vertex of every path of a line mark. */
export function lineVertices(doc: Node[], name: string): [number, number][] {
  return markItems(doc, name)
    .filter((i) => i.tag === 'path' && i.attrs.d)
    .flatMap((i) => pathVertices(i.attrs.d, [i.offset[0] + translateOf(i.attrs.transform)[0], i.offset[1] + translateOf(i.attrs.transform)[1]]));
}

/** Data → pixel for a linear scale. */
export function linear(domain: [number, number], range: [number, number]): (v: number) => number {
  return (v) => range[0] + ((v - domain[0]) / (domain[1] - domain[0])) * (range[1] - range[0]);
}

/** Data → pixel for a log scale. */
export function log(domain: [number, number], range: [number, number]): (v: number) => number {
  const l = linear([Math.log(domain[0]), Math.log(domain[1])], range);
  return (v) => l(Math.log(v));
}

/** Renders with the real vega and parses the result. */
export async function render(spec: object): Promise<{ svg: string; doc: Node[] }> {
  const svg = await renderSvg(spec as Record<string, unknown>);
  return { svg, doc: parseSvg(svg) };
}

/** The fields of a mark item's aria-label (`Recall: 0.5; Precision: 1`). */
export function ariaFields(item: MarkItem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (item.attrs['aria-label'] ?? '').split('; ')) {
    const k = part.indexOf(': ');
    if (k > 0) out[part.slice(0, k)] = part.slice(k + 2);
  }
  return out;
}

/** The rectangle of a rect mark's path (`M x,y h w v h h -w Z`), translated: [x0, y0, x1, y1]. */
export function rectOf(item: MarkItem): [number, number, number, number] {
  const m = /^M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v([-\d.e]+)/.exec(item.attrs.d ?? '');
  if (!m) throw new Error(`not a rect path: ${item.attrs.d}`);
  const [x, y, w, h] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const t = translateOf(item.attrs.transform);
  const ox = item.offset[0] + t[0];
  const oy = item.offset[1] + t[1];
  return [ox + Math.min(x, x + w), oy + Math.min(y, y + h), ox + Math.max(x, x + w), oy + Math.max(y, y + h)];
}
