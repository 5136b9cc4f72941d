import { describe, expect, it } from "vitest";
import { acknowledgeEdit, assignmentIdsOf, nextEdit, toggledCellFrom } from "./cell-toggle";

const ME = 7;

describe("the cell toggle", () => {
  it("adds the user as Informed, then ends exactly the assignment that add created", () => {
    const cell = toggledCellFrom(
      "crm/privacy",
      {
        version: "3,12",
        holders: [
          { assignmentId: 3, personId: 1, role: "A" },
          { assignmentId: 12, personId: 2, role: "R" },
        ],
      },
      ME,
    );
    const add = nextEdit(cell, ME);
    expect(add).toEqual({ expectedVersion: "3,12", add: [{ personId: ME, role: "I" }] });

    const added = acknowledgeEdit(cell, add, ME, "3,12,40");
    expect(added.write).toEqual({
      cell: "crm/privacy",
      action: "add",
      personId: ME,
      versionBefore: "3,12",
      versionAfter: "3,12,40",
      addedIds: [40],
    });
    expect(added.cell).toEqual({ cell: "crm/privacy", version: "3,12,40", ownAssignmentId: 40 });

    const end = nextEdit(added.cell, ME);
    expect(end).toEqual({ expectedVersion: "3,12,40", end: [40] });
    const ended = acknowledgeEdit(added.cell, end, ME, "3,12");
    expect(ended.write).toEqual({
      cell: "crm/privacy",
      action: "end",
      personId: ME,
      assignmentId: 40,
      versionAfter: "3,12",
    });
    expect(nextEdit(ended.cell, ME)).toEqual({ expectedVersion: "3,12", add: [{ personId: ME, role: "I" }] });
  });

  it("starts by ending the user's own Informed assignment when the cell has one already", () => {
    const cell = toggledCellFrom(
      "crm/privacy",
      {
        version: "3,9",
        holders: [
          { assignmentId: 3, personId: ME, role: "A" },
          { assignmentId: 9, personId: ME, role: "I" },
        ],
      },
      ME,
    );
    expect(nextEdit(cell, ME)).toEqual({ expectedVersion: "3,9", end: [9] });
  });

  it("keeps every new id of an add that returned more than one, for the check to report", () => {
    const cell = toggledCellFrom("crm/privacy", { version: "empty", holders: [] }, ME);
    const added = acknowledgeEdit(cell, nextEdit(cell, ME), ME, "50,51");
    expect(added.write).toMatchObject({ action: "add", addedIds: [50, 51] });
    expect(added.cell.ownAssignmentId).toBeNull();
  });

  it("reads a version back into assignment ids", () => {
    expect(assignmentIdsOf("empty")).toEqual([]);
    expect(assignmentIdsOf("4,17,230")).toEqual([4, 17, 230]);
  });
});
