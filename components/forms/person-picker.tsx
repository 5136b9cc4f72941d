"use client";

import { useId, useState } from "react";
import type { PersonOption } from "@/lib/ownership/cell-detail";

const FUNCTION_LABEL = { marketing: "Marketing", it: "IT", other: "Other" } as const;

/** A searchable list of active people: type part of a name, email or team, then pick. */
export function PersonPicker({ people, onChoose }: { people: PersonOption[]; onChoose: (person: PersonOption) => void }) {
  const [query, setQuery] = useState("");
  const listId = useId();
  const needle = query.trim().toLowerCase();
  const matches = needle
    ? people
        .filter((p) => p.name.toLowerCase().includes(needle) || p.email.includes(needle) || (p.teamName ?? "").toLowerCase().includes(needle))
        .slice(0, 8)
    : [];
  return (
    <div className="person-picker">
      <label className="field">
        <span>Person</span>
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search by name, email or team"
          aria-controls={listId}
          autoComplete="off"
          maxLength={100}
        />
      </label>
      <ul id={listId} className="picker-results" aria-label="Matching people">
        {needle && matches.length === 0 ? <li className="muted">Nobody matches “{query}”.</li> : null}
        {matches.map((person) => (
          <li key={person.id}>
            <button
              type="button"
              onClick={() => {
                onChoose(person);
                setQuery("");
              }}
            >
              <strong>{person.name}</strong>{" "}
              <span className="muted">
                {person.teamName ?? "no team"}
                {person.function ? ` · ${FUNCTION_LABEL[person.function]}` : ""} · {person.email}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
