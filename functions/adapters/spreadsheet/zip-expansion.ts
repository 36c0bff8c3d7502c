import { inflateRawSync } from 'node:zlib';
import { InvalidInputError } from '../../core/errors.js';
import { notASpreadsheet } from './spreadsheet-errors.js';

/**
 * What an XLSX may hold once unzipped. A real action plan opens to a few MB of XML; exceljs needs
 * several times the XML's size while it reads, in a Lambda of a few hundred MB to spare.
 */
export const maxExpandedBytes = 50 * 1024 * 1024;
/**
 * Of which the parts exceljs parses (all but xl/media's pictures), which is what takes the time: a
 * crafted 49 MB of cells took 17.6 s to read here, past the http Lambda's 10 s; 16 MB takes 4.7 s.
 * A real plan's are a few hundred kB.
 */
export const maxXmlBytes = 16 * 1024 * 1024;

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const stored = 0;
const deflated = 8;

const tooLarge = (limit: number, what = 'the workbook opens to', remedy = 'delete unused sheets and pictures'): InvalidInputError =>
  new InvalidInputError(
    [`${what} more than ${limit / 1024 / 1024} MB, the most the importer reads; an action plan is far smaller, so check it is the right file (or ${remedy} and save it again)`],
    'The file cannot be read',
  );

/** The end-of-directory record, within the last 64 kB (its comment's most) of the file. */
function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === endOfDirectorySignature) return at;
  }
  throw notASpreadsheet();
}

/**
 * Refuses an XLSX that would unzip to more than `limit` bytes (a "zip bomb"), before exceljs opens it.
 * Each part is inflated with a cap rather than trusting the sizes the file declares, which a crafted
 * file can understate.
 */
export function checkZipExpansion(bytes: Uint8Array, limit = maxExpandedBytes, xmlLimit = maxXmlBytes): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const end = findEndOfDirectory(view);
    const entries = view.getUint16(end + 10, true);
    const directoryStart = view.getUint32(end + 16, true);
    const directorySize = view.getUint32(end + 12, true);
    // The directory checked must be the one exceljs's unzip reads: it ends where the end record starts
    // (otherwise the reader takes the gap for bytes added in front, and reads a second directory), the
    // record ends the file, and it is not split over disks or a zip64 one (Excel writes neither).
    const oneDisk = view.getUint16(end + 4, true) === 0 && view.getUint16(end + 6, true) === 0 && view.getUint16(end + 8, true) === entries;
    const zip64 = entries === 0xffff || directorySize === 0xffffffff || directoryStart === 0xffffffff;
    if (!oneDisk || zip64 || directoryStart + directorySize !== end || end + 22 + view.getUint16(end + 20, true) !== view.byteLength) throw notASpreadsheet();
    let at = directoryStart;
    let total = 0;
    let xml = 0;
    for (let i = 0; i < entries; i++) {
      if (view.getUint32(at, true) !== directoryEntrySignature) throw notASpreadsheet();
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const local = view.getUint32(at + 42, true);
      if (view.getUint32(local, true) !== localHeaderSignature) throw notASpreadsheet();
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + compressedSize);
      const picture = isPicture(view, at, local);
      const budget = picture ? limit - total : Math.min(limit - total, xmlLimit - xml);
      const size = method === stored ? data.byteLength : method === deflated ? inflatedSize(data, budget) : null;
      if (size === null) throw notASpreadsheet();
      total += size;
      if (!picture) xml += size;
      if (total > limit) throw tooLarge(limit);
      if (xml > xmlLimit) throw tooLarge(xmlLimit, 'its sheets open to', 'delete unused sheets, rows and columns');
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    // Every part exceljs will see was counted: the entries walked fill the directory the file declares.
    if (at !== end) throw notASpreadsheet();
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    // A read past the end (RangeError) or a part that will not inflate: not a workbook.
    throw notASpreadsheet();
  }
}

/** Excel's name for a picture in the workbook (a photo's HD Photo copy and a 3D model too), one file directly in xl/media. */
const pictureName = /^xl\/media\/[A-Za-z0-9_-]+\.(png|jpe?g|jfif|gif|bmp|emf|wmf|tiff?|svg|webp|wdp|glb)$/i;
/** The zip extra field that gives an entry another (Unicode) name, which an unzip may read instead. */
const unicodePathField = 0x7075;

/**
 * Whether a part is a picture, which counts only to the whole file's limit: its name is one Excel gives
 * pictures, the same in the directory and in the part's own header (an unzip may read either), and
 * not given another by a Unicode path field. Anything else may be a sheet to exceljs, which finds
 * sheets by a pattern anywhere in the name ("xl/media/xl/worksheets/sheet2.xml" is one).
 */
function isPicture(view: DataView, entry: number, local: number): boolean {
  const name = (at: number, length: number) => new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + at, length));
  const central = name(entry + 46, view.getUint16(entry + 28, true));
  const own = name(local + 30, view.getUint16(local + 26, true));
  if (central !== own || !pictureName.test(central)) return false;
  const extras: Array<[start: number, length: number]> = [
    [entry + 46 + view.getUint16(entry + 28, true), view.getUint16(entry + 30, true)],
    [local + 30 + view.getUint16(local + 26, true), view.getUint16(local + 28, true)],
  ];
  return extras.every(([start, length]) => !hasField(view, start, length, unicodePathField));
}

function hasField(view: DataView, start: number, length: number, id: number): boolean {
  for (let at = start; at + 4 <= start + length; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) === id) return true;
  }
  return false;
}

/** The part's inflated size, or more than `budget` as soon as it passes it. */
function inflatedSize(data: Uint8Array, budget: number): number {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).byteLength;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
    throw error;
  }
}
