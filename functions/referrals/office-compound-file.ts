/**
 * Which legacy Office document (Word 97–2003 .doc, Excel .xls, PowerPoint .ppt) an OLE compound file
 * is, from the names of the streams in its directory. The same container holds Outlook messages,
 * Windows installers (.msi) and more, so the container's signature alone is never enough: a file
 * with none of the Office streams, or with a VBA macro storage, is not accepted.
 */
export type ByteReader = (offset: number, length: number) => Promise<Uint8Array>;

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Sector ids from here up are markers (end of chain, free, FAT), not sectors. */
const LAST_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
/** Directory sectors followed at most: Office files keep their main streams in the first few. */
const MAX_DIRECTORY_SECTORS = 64;
/** The FAT sectors listed in the header itself; a directory beyond them is not followed. */
const HEADER_DIFAT_ENTRIES = 109;

const MACRO_STORAGES = new Set(['Macros', '_VBA_PROJECT_CUR', 'VBA']);

export type LegacyOfficeType =
  | 'application/msword'
  | 'application/vnd.ms-excel'
  | 'application/vnd.ms-powerpoint';

/** The directory's entry names, walked along the directory's sector chain. */
async function directoryNames(read: ByteReader, header: Uint8Array, size: number): Promise<Set<string>> {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return new Set();
  const sectorSize = 1 << sectorShift;
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  const fatEntry = async (sector: number): Promise<number> => {
    const perSector = sectorSize / 4;
    const index = Math.floor(sector / perSector);
    if (index >= HEADER_DIFAT_ENTRIES) return END_OF_CHAIN;
    const fatSector = view.getUint32(0x4c + index * 4, true);
    if (fatSector >= LAST_REGULAR_SECTOR) return END_OF_CHAIN;
    const bytes = await read(offsetOf(fatSector) + (sector % perSector) * 4, 4);
    return bytes.length === 4
      ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true)
      : END_OF_CHAIN;
  };

  const names = new Set<string>();
  const seen = new Set<number>();
  let sector = view.getUint32(0x30, true);
  while (sector < LAST_REGULAR_SECTOR && seen.size < MAX_DIRECTORY_SECTORS && !seen.has(sector)) {
    seen.add(sector);
    if (offsetOf(sector) >= size) break;
    const bytes = await read(offsetOf(sector), sectorSize);
    for (let at = 0; at + 128 <= bytes.length; at += 128) {
      const nameBytes = bytes[at + 0x40] ?? 0;
      const type = bytes[at + 0x42];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.add(new TextDecoder('utf-16le').decode(bytes.subarray(at, at + nameBytes - 2)));
    }
    sector = await fatEntry(sector);
  }
  return names;
}

/** The legacy Office type of a compound file whose first bytes are `header`, or null if it is none (or has macros). */
export async function legacyOfficeType(
  read: ByteReader,
  header: Uint8Array,
  size: number,
): Promise<LegacyOfficeType | null> {
  if (header.length < 512 || !CFB_SIGNATURE.every((b, i) => header[i] === b)) return null;
  const names = await directoryNames(read, header, size);
  if ([...names].some((name) => MACRO_STORAGES.has(name))) return null;
  if (names.has('WordDocument')) return 'application/msword';
  if (names.has('PowerPoint Document')) return 'application/vnd.ms-powerpoint';
  if (names.has('Workbook') || names.has('Book')) return 'application/vnd.ms-excel';
  return null;
}
