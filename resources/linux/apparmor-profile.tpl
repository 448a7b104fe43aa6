# Installed by the .deb as /etc/apparmor.d/<executable> (electron-builder's after-install script loads it, and its
# after-remove script unloads and deletes it). Ubuntu 23.10 and later forbid unprivileged user namespaces unless a
# profile allows them (kernel.apparmor_restrict_unprivileged_userns=1; electron/electron#41066), and Chromium's
# sandbox needs them: without this profile the app would abort at start. Like the profiles Ubuntu ships for Chrome
# and VS Code, it names the program and allows user namespaces; it confines nothing else, and the sandbox stays on.
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}
