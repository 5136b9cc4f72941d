import { z } from "zod";
import { TEXT_MAX } from "@/lib/validation/text-limits";

export const editCellSchema = z
  .object({
    expectedVersion: z.string().min(1).max(TEXT_MAX.cellVersion),
    add: z
      .array(z.object({ personId: z.number().int().positive(), role: z.enum(["R", "A", "C", "I"]) }))
      .max(20)
      .default([]),
    end: z.array(z.number().int().positive()).max(50).default([]),
  })
  .refine((value) => value.add.length + value.end.length > 0, { message: "Nothing to save.", path: ["add"] });

export type EditCellInput = z.output<typeof editCellSchema>;
