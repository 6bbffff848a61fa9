// The README's quick starts, read from the README itself, so that the tests run what users copy.
import { readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The fenced code block after `<!-- quickstart:<name> ... -->`. */
export function quickstart(name) {
  const start = readme.indexOf(`<!-- quickstart:${name}`);
  if (start < 0) throw new Error(`README.md has no quickstart:${name} marker`);
  const block = /```\w*\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!block) throw new Error(`README.md has no code block after quickstart:${name}`);
  return block[1];
}

/** Replaces the value of `const NAME = '...';` in `code`; fails if the line is not there. */
export function setConstant(code, name, value) {
  const pattern = new RegExp(`^const ${name} = '[^']*';$`, 'm');
  if (!pattern.test(code)) throw new Error(`the quick start declares no \`const ${name} = '...'\``);
  return code.replace(pattern, `const ${name} = ${JSON.stringify(value)};`);
}

/** `code` with its import of `from` (`import ... from 'from';`) importing `to` instead. */
export function setImport(code, from, to) {
  const quoted = `from '${from}';`;
  if (!code.includes(quoted)) throw new Error(`the quick start does not import ${from}`);
  return code.replaceAll(quoted, `from '${to}';`);
}

/**
 * The quick start for output formats without top-level await (CommonJS, IIFE): its imports,
 * then the rest in an async function that is called at once. A rejection stays unhandled, so
 * that it fails the process (Node) or reaches the page's error handlers (browsers).
 */
export function withoutTopLevelAwait(code) {
  const lines = code.split('\n');
  const isImport = (line) => line.startsWith('import ');
  return [...lines.filter(isImport), '(async () => {', ...lines.filter((l) => !isImport(l)), '})();', ''].join('\n');
}
