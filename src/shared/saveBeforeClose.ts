/**
 * Closing the app window saves first: main holds the close, calls this function of the page (the renderer's autosave
 * defines it while a profile is open), and closes once it resolves (or after SAVE_BEFORE_CLOSE_TIMEOUT_MS, so a hung
 * page never keeps the window open). A save sent while the page is already unloading could reach main after the page is
 * gone, where it is refused as coming from no window of ours, and a quit could end a write half-way.
 */
export const SAVE_BEFORE_CLOSE_HOOK = '__dialpadSsoSaveBeforeClose'
export const SAVE_BEFORE_CLOSE_TIMEOUT_MS = 5000
