/**
 * An office's key fingerprint as people read it over the phone: the first 128 bits of the SHA-256 over its public
 * keys (features/offices/suite.ts), in 8 groups of 4 hex digits, «3F2A 91C0 …». Pure, so a screen can group what the
 * administrator types the same way the core does.
 */

/** Characters of the full SHA-256 kept in the spoken form: 32 hex digits = 128 bits, 8 groups of 4. */
export const FINGERPRINT_SPOKEN_DIGITS = 32;

/** The spoken form of a fingerprint (64 hex digits in the registry): «3F2A 91C0 5B7E 0D44 A1C9 27F0 8E3B 6D15». */
export function groupFingerprint(hex: string): string {
  const digits = hex.replace(/[^0-9a-fA-F]/g, '').slice(0, FINGERPRINT_SPOKEN_DIGITS).toUpperCase();
  return digits.replace(/(.{4})(?=.)/g, '$1 ');
}

/** What the administrator typed or pasted, as hex digits only: spaces, dashes and case do not matter. */
export function normalizeFingerprint(text: string): string {
  return text.replace(/[\s\-–—:.]/g, '').toUpperCase();
}

/** The typed fingerprint names these keys: all 32 spoken digits, nothing else. */
export function fingerprintMatches(typed: string, hex: string): boolean {
  const t = normalizeFingerprint(typed);
  return /^[0-9A-F]{32}$/.test(t) && t === normalizeFingerprint(groupFingerprint(hex));
}
