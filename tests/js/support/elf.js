// The symbol versions a shared object needs from each library it links (its `.gnu.version_r`
// section, what `readelf --version-info` lists under "Version needs"): the dynamic loader refuses
// to load the object where a library lacks one of them, e.g. `GLIBC_2.34` on an older glibc.
// ELF64 little-endian only: the x86-64 and arm64 Linux binaries we ship.

const SHT_GNU_VERNEED = 0x6ffffffe;
const VER_FLG_WEAK = 0x2;

/** `[{ file: 'libc.so.6', version: 'GLIBC_2.17', weak: false }, ...]` needed by the ELF in `bytes`. */
export function versionsNeeded(bytes) {
  const elf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (elf.readUInt32BE(0) !== 0x7f454c46) throw new Error('not an ELF file');
  if (elf[4] !== 2 || elf[5] !== 1) throw new Error('not a 64-bit little-endian ELF file');
  const sections = [];
  const shoff = Number(elf.readBigUInt64LE(0x28));
  const shentsize = elf.readUInt16LE(0x3a);
  for (let i = 0, count = elf.readUInt16LE(0x3c); i < count; i++) {
    const at = shoff + i * shentsize;
    sections.push({
      type: elf.readUInt32LE(at + 4),
      offset: Number(elf.readBigUInt64LE(at + 24)),
      link: elf.readUInt32LE(at + 40),
      info: elf.readUInt32LE(at + 44),
    });
  }
  const needs = [];
  for (const section of sections.filter((s) => s.type === SHT_GNU_VERNEED)) {
    const strings = sections[section.link].offset;
    const string = (offset) => {
      const start = strings + offset;
      return elf.toString('latin1', start, elf.indexOf(0, start));
    };
    // `info` entries (Elf64_Verneed), one per library, each with its own list of versions
    // (Elf64_Vernaux); `next` fields are offsets from the entry that holds them.
    for (let i = 0, entry = section.offset; i < section.info; i++) {
      const file = string(elf.readUInt32LE(entry + 4));
      for (let j = 0, aux = entry + elf.readUInt32LE(entry + 8); j < elf.readUInt16LE(entry + 2); j++) {
        needs.push({ file, version: string(elf.readUInt32LE(aux + 8)), weak: (elf.readUInt16LE(aux + 4) & VER_FLG_WEAK) !== 0 });
        aux += elf.readUInt32LE(aux + 12);
      }
      entry += elf.readUInt32LE(entry + 12);
    }
  }
  return needs;
}

/** The glibc versions among `needs` that the loader insists on (weak ones it does not), oldest first: `['2.2.5', ..., '2.17']`. */
export function glibcNeeded(needs) {
  const versions = needs.filter((n) => !n.weak && /^GLIBC_\d+(\.\d+)*$/.test(n.version)).map((n) => n.version.slice(6));
  return [...new Set(versions)].sort(compareVersions);
}

/** Orders dotted versions numerically: `'2.2.5'` before `'2.17'`. */
export function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
