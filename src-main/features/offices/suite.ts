/**
 * The office's cryptography behind one small interface, chosen by the suite id that every card (and later every
 * package manifest) names. Today there is one suite, built from node:crypto (OpenSSL) only: Ed25519 to sign, X25519
 * to receive. A ГОСТ Р 34.10-2012 suite (a certified provider such as CryptoPro, where an office has one) is added by
 * implementing `CryptoSuite` and registering it in SUITES; nothing else reads keys or signs.
 */
import {
  createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync,
  randomBytes, sign, verify, type KeyObject,
} from 'node:crypto';

/** The public half of an office's keys, as cards and the directory carry it (text, suite-specific encoding). */
export interface OfficePublicKeys {
  sign: string;
  box: string;
}

/** The private half, as the key store keeps it (text, suite-specific encoding). Never leaves the office. */
export interface OfficePrivateKeys {
  sign: string;
  box: string;
}

/** A content key wrapped for one receiver: what it needs, besides its private key, to unwrap it. */
export interface WrappedKey {
  ephemeral: string;
  nonce: string;
  sealed: string;
}

export interface CryptoSuite {
  readonly id: string;
  /** New key pairs for an office. */
  generate(): { publicKeys: OfficePublicKeys; privateKeys: OfficePrivateKeys };
  /** The public half of stored private keys (checks the material at the same time: throws if it is not this suite's). */
  publicKeysOf(privateKeys: OfficePrivateKeys): OfficePublicKeys;
  /** Throws when the public keys are not this suite's keys. */
  checkPublicKeys(publicKeys: OfficePublicKeys): void;
  /** SHA-256 over the suite id and the public keys, 64 hex digits (shown in groups: shared/fingerprint.ts). */
  fingerprint(publicKeys: OfficePublicKeys): string;
  sign(privateKeys: OfficePrivateKeys, data: Uint8Array): string;
  verify(publicKeys: OfficePublicKeys, data: Uint8Array, signature: string): boolean;
  /** Wraps a content key for the receiver's public key; `context` (package id, sender, receiver) is bound to it. */
  wrap(receiver: OfficePublicKeys, contentKey: Uint8Array, context: Uint8Array): WrappedKey;
  /** Unwraps a content key wrapped for us; throws when it was not, or the context differs. */
  unwrap(privateKeys: OfficePrivateKeys, wrapped: WrappedKey, context: Uint8Array): Buffer;
}

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const fromB64u = (s: string) => Buffer.from(s, 'base64url');

function rawPublic(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an OKP key');
  return jwk.x;
}

function publicKeyOf(crv: 'Ed25519' | 'X25519', x: string): KeyObject {
  const key = createPublicKey({ key: { kty: 'OKP', crv, x }, format: 'jwk' });
  if (fromB64u(x).length !== 32) throw new Error(`${crv}: 32 bytes expected`);
  return key;
}

function privateKeyOf(type: 'ed25519' | 'x25519', pkcs8: string): KeyObject {
  const key = createPrivateKey({ key: fromB64u(pkcs8), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== type) throw new Error(`${type} key expected`);
  return key;
}

const WRAP_INFO = Buffer.from('certdesk/pkg/v1');

/** Ed25519 signatures, X25519 + HKDF-SHA-256 + AES-256-GCM key wrapping (docs/decisions/0001). */
export const NODE_SUITE: CryptoSuite = {
  id: 'x25519-hkdf-sha256-aes256gcm-ed25519',
  generate() {
    const s = generateKeyPairSync('ed25519');
    const b = generateKeyPairSync('x25519');
    return {
      publicKeys: { sign: rawPublic(s.publicKey), box: rawPublic(b.publicKey) },
      privateKeys: { sign: b64u(s.privateKey.export({ format: 'der', type: 'pkcs8' })), box: b64u(b.privateKey.export({ format: 'der', type: 'pkcs8' })) },
    };
  },
  publicKeysOf(privateKeys) {
    return {
      sign: rawPublic(createPublicKey(privateKeyOf('ed25519', privateKeys.sign))),
      box: rawPublic(createPublicKey(privateKeyOf('x25519', privateKeys.box))),
    };
  },
  checkPublicKeys(publicKeys) {
    publicKeyOf('Ed25519', publicKeys.sign);
    publicKeyOf('X25519', publicKeys.box);
  },
  fingerprint(publicKeys) {
    return createHash('sha256').update(`${this.id}\0`).update(fromB64u(publicKeys.sign)).update(fromB64u(publicKeys.box)).digest('hex');
  },
  sign(privateKeys, data) {
    return b64u(sign(null, data, privateKeyOf('ed25519', privateKeys.sign)));
  },
  verify(publicKeys, data, signature) {
    try {
      return verify(null, data, publicKeyOf('Ed25519', publicKeys.sign), fromB64u(signature));
    } catch {
      return false;
    }
  },
  wrap(receiver, contentKey, context) {
    const eph = generateKeyPairSync('x25519');
    const receiverKey = publicKeyOf('X25519', receiver.box);
    const ephPub = fromB64u(rawPublic(eph.publicKey));
    const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: receiverKey });
    const wrapKey = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephPub, fromB64u(receiver.box)]), Buffer.concat([WRAP_INFO, context]), 32));
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', wrapKey, nonce);
    cipher.setAAD(context);
    const sealed = Buffer.concat([cipher.update(contentKey), cipher.final(), cipher.getAuthTag()]);
    return { ephemeral: b64u(ephPub), nonce: b64u(nonce), sealed: b64u(sealed) };
  },
  unwrap(privateKeys, wrapped, context) {
    const own = privateKeyOf('x25519', privateKeys.box);
    const ownPub = fromB64u(rawPublic(createPublicKey(own)));
    const ephPub = fromB64u(wrapped.ephemeral);
    const shared = diffieHellman({ privateKey: own, publicKey: publicKeyOf('X25519', wrapped.ephemeral) });
    const wrapKey = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephPub, ownPub]), Buffer.concat([WRAP_INFO, context]), 32));
    const sealed = fromB64u(wrapped.sealed);
    const decipher = createDecipheriv('aes-256-gcm', wrapKey, fromB64u(wrapped.nonce));
    decipher.setAAD(context);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  },
};

/** The suites this build knows, by id. */
export const SUITES: ReadonlyMap<string, CryptoSuite> = new Map([[NODE_SUITE.id, NODE_SUITE]]);

/** The suite new offices get. */
export const DEFAULT_SUITE = NODE_SUITE;
