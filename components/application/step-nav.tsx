"use client";
// The steps of the application. From `lg` up a list beside the form. On phones it would push the
// first field below the fold of an 812 px screen, so there it is one line, "Steg 2 av 6:
// Utdanning", that opens the list (a <details>, so it works without JavaScript too).
import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";
import { useEffect, useRef } from "react";

interface Step {
  slug: string;
  title: string;
  complete: boolean;
  /** Done only by sending (the summary): not a step to fill in, so not counted as one. */
  sentOnly?: boolean;
}

export function StepNav({ applicationId, steps }: { applicationId: string; steps: readonly Step[] }) {
  const segment = useSelectedLayoutSegment();
  const currentIndex = steps.findIndex((step) => step.slug === segment);
  const current = steps[currentIndex];
  // «0 av 6 utfylt» counted the summary, which no draft can have filled in (a walk).
  const fillable = steps.filter((step) => !step.sentOnly);
  const done = fillable.filter((step) => step.complete).length;
  const phoneList = useRef<HTMLDetailsElement>(null);
  // Choosing a step closes the list again on the next page.
  useEffect(() => {
    if (phoneList.current) phoneList.current.open = false;
  }, [segment]);
  const list = (
    <ol className="space-y-1">
      {steps.map((step, index) => (
        <StepLink key={step.slug} applicationId={applicationId} step={step} index={index} current={step.slug === segment} />
      ))}
    </ol>
  );
  return (
    <nav aria-label="Steg i søknaden">
      <details ref={phoneList} className="group rounded-md border border-slate-300 bg-white lg:hidden">
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 py-2 font-medium [&::-webkit-details-marker]:hidden">
          <span className="grow">
            {current ? `Steg ${currentIndex + 1} av ${steps.length}: ${current.title}` : `${steps.length} steg`}
            {/* What is left, not a second total: «Steg 2 av 6 · 3 av 5 steg utfylt» set 6 and 5 side by side (a walk). */}
            <span className="font-normal text-slate-700"> · {done === fillable.length ? "alt er fylt ut" : `${fillable.length - done} steg igjen å fylle ut`}</span>
          </span>
          <span aria-hidden="true" className="text-brand-700 transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="border-t border-slate-200 p-2">{list}</div>
      </details>
      <div className="max-lg:hidden">{list}</div>
    </nav>
  );
}

function StepLink({ applicationId, step, index, current }: { applicationId: string; step: Step; index: number; current: boolean }) {
  return (
    <li>
      <Link
        href={`/soker/soknad/${applicationId}/${step.slug}`}
        aria-current={current ? "step" : undefined}
        className={`flex min-h-11 items-center gap-3 rounded-md px-3 py-2 no-underline ${
          current ? "bg-brand-600 text-white hover:text-white" : "text-slate-900 hover:bg-slate-100"
        }`}
      >
        <span
          aria-hidden="true"
          className={`flex size-7 shrink-0 items-center justify-center rounded-full border text-sm font-semibold ${
            step.complete ? "border-green-700 bg-green-700 text-white" : current ? "border-white" : "border-slate-500"
          }`}
        >
          {step.complete ? "✓" : index + 1}
        </span>
        <span>
          {step.title}
          <span className="sr-only">{step.complete ? " (utfylt)" : " (ikke ferdig)"}</span>
        </span>
      </Link>
    </li>
  );
}
