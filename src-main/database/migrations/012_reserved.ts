/**
 * Number 012 is reserved for another branch's migration, which has not landed yet; the offices' migration is 013.
 * Migrations must run 1, 2, … N without a gap (index.ts), so this placeholder holds the number and changes nothing.
 * When the real 012 lands, it replaces this file (the folder test fails while both are there).
 * A registry migrated by a build with this placeholder never runs the real 012: development builds only.
 */
import type { Db } from '../db';

export function up(_db: Db): void {}
