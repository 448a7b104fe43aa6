export function SsoLoginStep() {
  return null
}
