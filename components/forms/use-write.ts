"use client";

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
    options: { method?: "POST" | "PATCH"; fields?: readonly string[] } = {},
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

  return { pending, errors, message, send, setErrors, setMessage };
}

/** Reads a submitted form; inputs are uncontrolled, so what was typed stays in place when a save is refused. */
export function readForm(form: HTMLFormElement) {
  const data = new FormData(form);
  return {
    text: (name: string) => String(data.get(name) ?? ""),
    teamId: (name = "teamId") => (data.get(name) ? Number(data.get(name)) : null),
  };
}
