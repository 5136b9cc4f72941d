"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/lib/api/post-json";
import type { WriteResult } from "@/lib/api/write-route";
import type { FieldErrors } from "@/lib/errors";

/** State every write form shares: pending while sending, then the refusal's message and field errors. */
export function useWrite() {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);

  /** `fields` are the inputs the form shows; errors on other fields are said in the form's message. */
  async function send<Data>(
    url: string,
    body: unknown,
    options: { method?: "POST" | "PUT" | "PATCH" | "DELETE"; fields?: readonly string[] } = {},
  ): Promise<WriteResult<Data>> {
    setPending(true);
    setMessage(null);
    const result = await postJson<Data>(url, body, options.method);
    setPending(false);
    if (result.ok) {
      setErrors(undefined);
      return result;
    }
    const keys = Object.keys(result.fieldErrors ?? {});
    const allShown = keys.length > 0 && keys.every((key) => options.fields?.includes(key));
    setErrors(result.fieldErrors);
    setMessage(allShown ? "Nothing was saved: correct the fields marked above." : result.error);
    return result;
  }

  /** Refuses in the browser, before sending anything: the fields' errors, and no form-level message. */
  function refuse(fieldErrors: FieldErrors) {
    setErrors(fieldErrors);
    setMessage(null);
  }

  return { pending, errors, message, send, refuse };
}

/**
 * Saves a new record (POST to `api`), or edits `record` (PATCH) with the version it was loaded with, then
 * opens the record's page under `page`. When someone else saved it in between, the server answers 409 with
 * their values: they are returned as `theirs` for the form to show, and the next save carries their
 * version, so it replaces them on purpose, never unseen.
 */
export function useSaveRecord<Theirs extends { updatedAt: string }>(
  api: string,
  page: string,
  record: { id: number; updatedAt: string } | undefined,
) {
  const router = useRouter();
  const { send, ...write } = useWrite();
  const [version, setVersion] = useState(record?.updatedAt);
  const [theirs, setTheirs] = useState<Theirs | null>(null);

  async function save(body: Record<string, unknown>, fields: readonly string[]) {
    const result = record
      ? await send<{ id: number }>(
          `${api}/${record.id}`,
          { ...body, updatedAt: version },
          { method: "PATCH", fields },
        )
      : await send<{ id: number }>(api, body, { fields });
    if (result.ok) {
      router.push(`${page}/${result.data.id}` as Route);
      router.refresh();
    } else if (result.code === "conflict" && result.current) {
      const current = result.current as Theirs;
      setTheirs(current);
      setVersion(current.updatedAt);
    }
  }

  return { ...write, save, theirs };
}

/** Reads a submitted form; inputs are uncontrolled, so what was typed stays in place when a save is refused. */
export function readForm(form: HTMLFormElement) {
  const data = new FormData(form);
  return {
    text: (name: string) => String(data.get(name) ?? ""),
    teamId: (name = "teamId") => (data.get(name) ? Number(data.get(name)) : null),
  };
}
