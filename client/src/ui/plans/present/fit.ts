/**
 * Shrink-to-fit for the presentation stage: the slide's type is sized in `em` of a `--fit` factor on the
 * stage; when the content is taller than the stage, the factor steps down (by 0.05, to `floor`) until it
 * fits. Below the floor the stage scrolls rather than print unreadably small on a projector. Re-run with
 * `schedule()` when the content changes; the stage's own resizes re-run it too.
 */
export interface Fitter {
  schedule(): void;
  dispose(): void;
}

export function fitToBox(stage: HTMLElement, floor = 0.6): Fitter {
  let frame = 0;
  const fit = () => {
    let scale = 1;
    stage.style.setProperty('--fit', '1');
    while (scale > floor && stage.scrollHeight > stage.clientHeight + 1) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      stage.style.setProperty('--fit', String(scale));
    }
    stage.dataset.fit = String(scale);
  };
  const schedule = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(fit);
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(stage);
  return {
    schedule,
    dispose() {
      cancelAnimationFrame(frame);
      observer.disconnect();
    },
  };
}
