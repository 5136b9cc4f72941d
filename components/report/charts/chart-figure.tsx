"use client";

import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, type ReactNode } from "react";
import "./charts.css";

/**
 * The frame every report chart shares: a heading, the chart at a fixed height (so the server render and
 * the first client render agree while the chart measures itself), a one-line summary, and the same data
 * as a table whose rows drill down like the chart does, for keyboard and screen-reader users.
 */
export function ChartFigure({
  id,
  title,
  headingLevel = 3,
  actions,
  summary,
  height,
  isEmpty,
  emptyText = "No data for these filters",
  table,
  legend,
  children,
}: {
  id: string;
  title: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** Controls next to the heading (the trend's week switch). */
  actions?: ReactNode;
  summary: string;
  height: number;
  isEmpty: boolean;
  emptyText?: string;
  /** `<thead>` and `<tbody>` of the data table. */
  table: ReactNode;
  legend?: ReactNode;
  children: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption className="chart-caption">
        <Heading id={`${id}-title`} className="chart-title">
          {title}
        </Heading>
        {actions}
      </figcaption>
      {isEmpty ? (
        <p className="chart-empty" style={{ height }}>
          {emptyText}
        </p>
      ) : (
        <>
          {legend}
          {/* The drawing is one image to assistive technology: the summary and the table carry its content. */}
          <div className="chart-canvas" style={{ height }} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
            {children}
          </div>
        </>
      )}
      <p className="chart-summary" id={`${id}-summary`}>
        {summary}
      </p>
      {isEmpty ? null : (
        <details className="chart-data">
          <summary>Data table</summary>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{title}: data</caption>
              {table}
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}

/** Navigates to a report link from a chart click; drill-down links carry the table's anchor, so it scrolls into view. */
export function useReportNavigation(): (href: string) => void {
  const router = useRouter();
  return useCallback((href: string) => router.push(href as Route, { scroll: href.includes("#") }), [router]);
}

/** A data-table row's drill-down link, marked when it is the current selection. */
export function DrillLink({ href, selected, children }: { href: string; selected: boolean; children: ReactNode }) {
  return (
    <Link href={href as Route} aria-current={selected ? "true" : undefined} className={selected ? "chart-link selected" : "chart-link"}>
      {children}
    </Link>
  );
}

export interface LegendItem {
  label: string;
  color: string;
  /** Drawn as a short line with this dash pattern instead of a square swatch. */
  dash?: string;
  line?: boolean;
}

/** An HTML legend: wraps on narrow screens and is read as a list, unlike the SVG one. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.label}>
          {item.line ? (
            <svg width="28" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="27" y2="5" stroke={item.color} strokeWidth="3" strokeDasharray={item.dash} />
            </svg>
          ) : (
            <span className="chart-swatch" style={{ background: item.color }} aria-hidden="true" />
          )}
          {item.label}
        </li>
      ))}
    </ul>
  );
}
