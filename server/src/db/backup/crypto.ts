/**
 * Encrypted backups. File: "MARACBK1" | salt (16) | iv (12) | AES-256-GCM ciphertext | tag (16). The
 * header is authenticated too, so a changed salt or iv fails like a wrong key. Files are streamed: a
 * large database never has to fit in memory.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { BackupError } from './files';

const MAGIC = Buffer.from('MARACBK1', 'latin1');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + SALT_BYTES + IV_BYTES;
// scrypt at N=2^15 needs 32 MiB, just over Node's default limit.
const SCRYPT: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

const deriveKey = (passphrase: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) => scrypt(passphrase, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));

function readBytes(file: string, length: number, position: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, position));
  } finally {
    closeSync(fd);
  }
}

/** Whether a file is an encrypted backup, by its header rather than its name (files get renamed). */
export const isEncryptedBackup = (file: string) => readBytes(file, MAGIC.length, 0).equals(MAGIC);

/** Encrypts `from` into a new file `to`; returns the SHA-256 of the plain text, to verify the round trip. */
export async function encryptFile(from: string, to: string, passphrase: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([MAGIC, salt, iv]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  cipher.setAAD(header);
  const plain = createHash('sha256');
  writeFileSync(to, header, { flag: 'wx' });
  await pipeline(
    createReadStream(from),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        plain.update(chunk);
        yield chunk;
      }
    },
    cipher,
    createWriteStream(to, { flags: 'a' }),
  );
  writeFileSync(to, cipher.getAuthTag(), { flag: 'a' });
  return plain.digest('hex');
}

/**
 * Decrypts an encrypted backup into `to` (or only reads it through, when null); returns the SHA-256 of
 * the plain text. GCM releases plain text before the tag is checked, so `to` is only good once this returns.
 */
export async function decryptFile(from: string, to: string | null, passphrase: string): Promise<string> {
  const size = statSync(from).size;
  const header = readBytes(from, HEADER_BYTES, 0);
  if (size < HEADER_BYTES + TAG_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError(`${from} is not a complete encrypted backup: it is damaged or cut short.`);
  }
  const salt = header.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
  const iv = header.subarray(MAGIC.length + SALT_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  decipher.setAAD(header);
  decipher.setAuthTag(readBytes(from, TAG_BYTES, size - TAG_BYTES));
  const plain = createHash('sha256');
  const out = to === null ? null : createWriteStream(to, { flags: 'wx' });
  try {
    await pipeline(createReadStream(from, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }), decipher, async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        plain.update(chunk);
        if (out && !out.write(chunk)) await once(out, 'drain');
      }
    });
    if (out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  } catch (error) {
    if (error instanceof Error && /unable to authenticate/i.test(error.message)) {
      throw new BackupError(`BACKUP_KEY does not open ${from}: the passphrase is not the one it was made with, or the file was changed or damaged.`);
    }
    throw error;
  }
  return plain.digest('hex');
}
