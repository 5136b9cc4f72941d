"use client";

import { Bar, ReferenceLine, Tooltip } from "recharts";
import type { ReportCatalog } from "@/lib/report/build-report";
import { countTicks, drillDownHref, shortConcernName, type PersonLoadRow } from "@/lib/report/chart-data";
import type { ReportView } from "@/lib/report/selection";
import { ChartFigure, ChartLegend, DrillLink, useReportNavigation } from "./chart-figure";
import { CategoryTick, MarkedBar, markState } from "./chart-marks";
import { HorizontalBarChart } from "./horizontal-bar-chart";
import { LOAD_COLOR, NEUTRAL } from "./palette";

const OVERLOAD_MARK = "▲";

/**
 * Accountable cells per person, the high/critical ones as the first segment so its end can be read
 * against the overload line. Overloaded people carry a marker and bold name, not only a colour.
 */
export function PersonLoadChart({
  load,
  concerns,
  overloadHighCriticalCells,
  view,
}: {
  /** Shaped on the server (`shapePersonLoad`): the most loaded and every overloaded person, not all of them. */
  load: { rows: PersonLoadRow[]; total: number };
  concerns: ReportCatalog["concerns"];
  overloadHighCriticalCells: number;
  view: ReportView;
}) {
  const navigate = useReportNavigation();
  const { rows, total } = load;
  const selected = view.selection?.selPerson;
  const hrefOf = (row: PersonLoadRow) => drillDownHref(view, { selPerson: row.email });
  const concernName = new Map(concerns.map((concern) => [concern.key, shortConcernName(concern.name)]));
  const describeReasons = (row: PersonLoadRow) =>
    row.overloadReasons
      .map((reason) =>
        reason.startsWith("concern:")
          ? `a large share of ${concernName.get(reason.slice("concern:".length)) ?? reason.slice("concern:".length)}`
          : `more than ${overloadHighCriticalCells} high/critical cells`,
      )
      .join("; ");
  const overloaded = rows.filter((row) => row.overloaded);
  const byEmail = new Map(rows.map((row) => [row.email, row]));
  const ticks = countTicks(Math.max(overloadHighCriticalCells + 1, ...rows.map((row) => row.accountableCells)));

  return (
    <ChartFigure
      id="chart-person-load"
      title="Person load"
      summary={
        overloaded.length
          ? `${overloaded.length} of ${total} accountable people overloaded: ${overloaded.map((row) => row.name).join(", ")}.`
          : rows[0]
            ? `Nobody is overloaded; the heaviest load is ${rows[0].name}'s ${rows[0].accountableCells} accountable cells.`
            : "Nobody is accountable for a cell under these filters."
      }
      height={rows.length * 28 + 56}
      isEmpty={rows.length === 0}
      legend={
        <ChartLegend
          items={[
            { label: "High/critical assets", color: LOAD_COLOR.highCritical },
            { label: "Other assets", color: LOAD_COLOR.other },
            { label: `Overload line: ${overloadHighCriticalCells} high/critical`, color: NEUTRAL.text, dash: "5 3", line: true },
          ]}
        />
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col" className="numeric">
                Accountable cells
              </th>
              <th scope="col" className="numeric">
                On high/critical assets
              </th>
              <th scope="col">Overloaded</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.email}>
                <th scope="row">
                  <DrillLink href={hrefOf(row)} selected={row.email === selected}>
                    {row.name}
                  </DrillLink>
                </th>
                <td className="numeric">{row.accountableCells}</td>
                <td className="numeric">{row.highCriticalCells}</td>
                <td>{row.overloaded ? `${OVERLOAD_MARK} Yes: ${describeReasons(row)}` : "No"}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <HorizontalBarChart
        rows={rows}
        categoryKey="email"
        labelWidth={168}
        ticks={ticks}
        margin={{ top: 20, right: 24 }}
        tick={({ x, y, payload }) => {
          const row = byEmail.get(String(payload.value));
          const name = row?.name ?? String(payload.value);
          return <CategoryTick x={x} y={y} lines={[row?.overloaded ? `${OVERLOAD_MARK} ${name}` : name]} maxLength={24} strong={row?.overloaded || row?.email === selected} />;
        }}
      >
        <Tooltip
          cursor={{ fill: "#f0f2f5" }}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as PersonLoadRow | undefined;
            if (!active || !row) return null;
            return (
              <div className="chart-tooltip">
                <strong>{row.name}</strong>
                <br />
                {row.accountableCells} accountable cells, {row.highCriticalCells} on high/critical assets
                {row.overloaded ? (
                  <>
                    <br />
                    {OVERLOAD_MARK} Overloaded: {describeReasons(row)}
                  </>
                ) : null}
              </div>
            );
          }}
        />
        <ReferenceLine
          x={overloadHighCriticalCells}
          stroke={NEUTRAL.text}
          strokeDasharray="5 3"
          strokeWidth={1.5}
          label={{ value: `Overload > ${overloadHighCriticalCells}`, position: "top", fontSize: 11, fill: NEUTRAL.text }}
        />
        {(["highCriticalCells", "otherCells"] as const).map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={key === "highCriticalCells" ? "High/critical assets" : "Other assets"}
            stackId="load"
            fill={key === "highCriticalCells" ? LOAD_COLOR.highCritical : LOAD_COLOR.other}
            isAnimationActive={false}
            onClick={(item) => navigate(hrefOf(item.payload as PersonLoadRow))}
            shape={(props) => <MarkedBar {...props} state={markState(props.payload.email === selected, selected !== undefined)} />}
          />
        ))}
      </HorizontalBarChart>
    </ChartFigure>
  );
}
