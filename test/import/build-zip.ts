import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** 8 (deflate, as Excel writes) unless 0 (stored). */
  method?: 0 | 8;
  /** The uncompressed size the file claims, when a test wants it to lie. */
  declaredSize?: number;
  /** Extra fields in the part's own (local) header. */
  localExtra?: Uint8Array;
}

interface EntryFields {
  method: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/**
 * The fields a local header and its central directory record both carry, in the same order and
 * spacing: at offset 8 in the first, 10 in the second (which also has "version made by").
 */
function writeEntryFields(header: Buffer, at: number, fields: EntryFields): void {
  header.writeUInt16LE(fields.method, at);
  header.writeUInt32LE(fields.crc, at + 6);
  header.writeUInt32LE(fields.compressed, at + 10);
  header.writeUInt32LE(fields.size, at + 14);
  header.writeUInt16LE(fields.nameLength, at + 18);
}

/** A zip built byte by byte, so that tests can make the ones Excel never would: bombs and liars. */
export function buildZip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const method = part.method ?? 8;
    const body = method === 8 ? deflateRawSync(part.data) : Buffer.from(part.data);
    const size = part.declaredSize ?? part.data.byteLength;
    const crc = crc32(part.data);
    const entry = { method, crc, compressed: body.byteLength, size, nameLength: name.byteLength };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeEntryFields(local, 8, entry);
    const extra = Buffer.from(part.localExtra ?? new Uint8Array(0));
    local.writeUInt16LE(extra.byteLength, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeEntryFields(central, 10, entry);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, body);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + extra.byteLength + body.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
