import type { StoredMember } from '../storage/denominator-storage.ts';

/**
 * A member's value of a roster column as weights and the non-response check name it (country, course_id,
 * path_id, attr_<name>); null when the roster leaves it empty ("not given").
 */
export function rosterValue(member: StoredMember, column: string): string | null {
  const value =
    column === 'country'
      ? member.country
      : column === 'course_id'
        ? member.courseId
        : column === 'path_id'
          ? member.pathId
          : column.startsWith('attr_')
            ? member.attrs[column.slice('attr_'.length)]
            : undefined;
  return value === undefined || value === '' ? null : value;
}
