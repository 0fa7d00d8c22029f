/**
 * The navigator's advanced filters at registry scale (50,000 programs, 100,000 groups): a direction is walked in
 * name order over its own programs only, and a program's groups are read from an index alone.
 */
import type { Db } from '../db';

const sql = `
-- Program names come from each direction's vocabulary, so a direction's programs lie in long runs of the name
-- order (sport begins 3,000 programs in): filtered by direction, the walk reads that direction's entries alone,
-- still in (name, rowid) order.
CREATE INDEX programs_direction ON programs(direction, name);
-- Places left, the nearest start and the start-month filter read a program's groups from the index alone: the
-- group rows (43 MB at registry scale, timetables included) are not read for a page of cards.
DROP INDEX program_groups_program;
CREATE INDEX program_groups_program ON program_groups(program_id, deleted, end_date, start_date, capacity, id);
`;

export function up(db: Db): void {
  db.exec(sql);
}
