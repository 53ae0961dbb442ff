/**
 * Where keyboard focus should go once the view has caught up with an action:
 * after a search hit or Enter on the canvas, the detail panel's heading, so
 * that a screen reader reads what was chosen and Tab continues from there.
 * Kept outside the URL: a reload or a shared link must not move focus.
 */
let wanted: string | null = null;

export function requestPanelFocus(id: string): void {
  wanted = id;
}

/** True once for the entity (or relation) whose panel should take focus now. */
export function takePanelFocus(id: string): boolean {
  if (wanted !== id) return false;
  wanted = null;
  return true;
}
