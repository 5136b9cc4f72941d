/**
 * A cell's version is the set of its current assignments: any add or end changes it. The editor sends
 * the version it loaded; a save against another version is a conflict, never a silent overwrite.
 */
export function cellVersion(currentAssignmentIds: readonly number[]): string {
  return [...currentAssignmentIds].sort((a, b) => a - b).join(",") || "empty";
}
