"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { postJson } from "@/lib/api/post-json";

/**
 * A message's link. Opening an unread message marks it read first, with a POST (reading a page never writes),
 * then goes to its screen; the message opens even when marking failed, as it stays unread to try again.
 */
export function OpenMessage({ id, href, unread, children }: { id: number; href: string; unread: boolean; children: React.ReactNode }) {
  const router = useRouter();

  async function open(event: React.MouseEvent<HTMLAnchorElement>) {
    // A new tab or window (modifier keys, middle click) opens as a plain link would.
    if (!unread || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    await postJson(`/api/notifications/${id}/read`, {});
    // The bell lives in the shared layout, which a navigation alone does not render again.
    router.refresh();
    router.push(href as Route);
  }

  return (
    <a href={href} onClick={open}>
      {children}
    </a>
  );
}
