/**
 * The side panel for one skill: what it is, what comes first, which analysis signals show it,
 * interview questions to practise, the status, and the learner's private note.
 */
import { useEffect, useId, useRef, useState } from "react";
import { PROGRESS_STATUSES, type ProgressStatus, type RoadmapSkill } from "../api/api-types.js";
import { FormError } from "../components/status-views.js";
import { useSubmission } from "../components/use-submission.js";
import { STATUS_LABELS } from "./skill-shortcuts.js";
import { StatusBadge } from "./status-badge.js";

export interface SkillPanelProps {
  readonly skill: RoadmapSkill;
  readonly stageTitle: string;
  readonly status: ProgressStatus;
  readonly note: string;
  /** null when the viewer has no progress of their own (mentors, recruiters browsing) */
  readonly editable: boolean;
  readonly titleOf: (skillId: string) => string;
  readonly statusOf: (skillId: string) => ProgressStatus;
  onStatus: (status: ProgressStatus) => void;
  onSaveNote: (note: string) => Promise<void>;
  onOpen: (skillId: string) => void;
  onClose: () => void;
}

export function SkillPanel(props: SkillPanelProps) {
  const { skill } = props;
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [skill.id]);

  // Escape closes the panel wherever focus is, as long as it is not inside another widget that
  // uses Escape itself (none on this page do)
  const { onClose } = props;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <aside className="skill-panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {skill.title}
        </h2>
        <button type="button" className="button button-quiet" onClick={props.onClose}>
          Close<span className="visually-hidden"> {skill.title}</span>
        </button>
      </div>
      <p className="muted">
        {props.stageTitle} · about {skill.hours} hours · <StatusBadge status={props.status} />
      </p>
      {props.editable && (
        <div className="status-choices" role="group" aria-label="Status">
          {PROGRESS_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={`button status-choice status-${status}`}
              aria-pressed={props.status === status}
              onClick={() => props.onStatus(status)}
            >
              {STATUS_LABELS[status]}
            </button>
          ))}
        </div>
      )}
      <p>{skill.description}</p>

      <h3>Learn first</h3>
      {skill.prerequisites.length === 0 ? (
        <p className="muted">Nothing: you can start this one right away.</p>
      ) : (
        <ul className="prerequisites">
          {skill.prerequisites.map((id) => (
            <li key={id}>
              <button type="button" className="link-button" onClick={() => props.onOpen(id)}>
                {props.titleOf(id)}
              </button>{" "}
              <StatusBadge status={props.statusOf(id)} />
            </li>
          ))}
        </ul>
      )}

      <h3>Evidence that shows it</h3>
      {skill.signals.length === 0 ? (
        <p className="muted">
          No repository signal is tied to this skill; it shows in how you work rather than in code.
        </p>
      ) : (
        <ul className="signals">
          {skill.signals.map((signal) => (
            <li key={signal.id}>
              <code>{signal.id}</code>: {signal.description}
            </li>
          ))}
        </ul>
      )}

      <h3>Interview questions</h3>
      <ul className="questions">
        {skill.questions.map((q) => (
          <li key={q.question}>
            <details>
              <summary>{q.question}</summary>
              <p>{q.answer}</p>
            </details>
          </li>
        ))}
      </ul>

      {props.editable && <NoteEditor key={skill.id} note={props.note} onSave={props.onSaveNote} />}
    </aside>
  );
}

function NoteEditor({ note, onSave }: { note: string; onSave: (note: string) => Promise<void> }) {
  const id = useId();
  const [text, setText] = useState(note);
  const save = useSubmission();

  return (
    <div className="note">
      <label htmlFor={id}>Private note</label>
      <p className="hint" id={`${id}-hint`}>
        Only you ever see it: links, what tripped you up, what to revisit.
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        rows={4}
        maxLength={2000}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // "Note saved" is about the text as it was; an error stays until the next try
          save.clearDone();
        }}
      />
      <FormError error={save.error} />
      <div className="note-actions">
        {/* never disabled: a button that disables itself under the pointer drops keyboard focus */}
        <button
          type="button"
          className="button"
          aria-disabled={save.busy}
          onClick={() => {
            if (!save.busy) void save.run(() => onSave(text));
          }}
        >
          {save.busy ? "Saving…" : "Save note"}
        </button>
        <span role="status">{save.done ? "Note saved" : ""}</span>
      </div>
    </div>
  );
}
