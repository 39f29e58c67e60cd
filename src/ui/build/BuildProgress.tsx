/**
 * @fileoverview The build's progress in one line: its steps (check,
 * compile, translate, boot) with their times as they finish, then the result
 * ("built in 812 ms", "build failed: 2 errors", what crashed).
 *
 * Pipeline place: in the page's toolbar; reads `BuildSession`'s state.
 */
import type { BuildState } from './build-session.js';

export function BuildProgress({ state }: { state: BuildState }) {
  if (state.phase === 'idle' && !state.message) return null;
  return (
    <p
      className={`build-progress build-${state.phase}`}
      data-testid="build-progress"
      data-phase={state.phase}
      aria-live="polite"
    >
      {state.steps.map(({ step, ms }) => (
        <span key={step} className={ms === undefined ? 'step running' : 'step'} data-step={step}>
          {step}
          {ms !== undefined && ` ${Math.round(ms)} ms`}
        </span>
      ))}
      <span className="build-message">{state.message}</span>
    </p>
  );
}
