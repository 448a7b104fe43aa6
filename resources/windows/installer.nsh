; Included by electron-builder's NSIS installer (electron-builder.json: nsis.include).
;
; Windows chooses the program for a file by its last extension only, so Explorer sees a configuration bundle
; (name.dialpad-sso.json) as a .json file, and the association electron-builder registers for the full extension is
; never consulted. This lists the app under "Open with" for .json files, without becoming their default program:
; admins open their other JSON files as before. Per-machine (nsis.perMachine), so the keys are under HKLM.

!define DPSSO_BUNDLE_PROGID "DialpadSSOAssistant.Bundle"

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DPSSO_BUNDLE_PROGID}" "" "Dialpad SSO configuration bundle"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DPSSO_BUNDLE_PROGID}\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DPSSO_BUNDLE_PROGID}\shell\open" "" "Open with ${PRODUCT_NAME}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DPSSO_BUNDLE_PROGID}\shell\open\command" "" '"$appExe" "%1"'
  WriteRegNone SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "${DPSSO_BUNDLE_PROGID}"
  ; SHChangeNotify(SHCNE_ASSOCCHANGED, SHCNF_FLUSH): Explorer reads the associations again.
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0x1000, i 0, i 0)"
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "${DPSSO_BUNDLE_PROGID}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${DPSSO_BUNDLE_PROGID}"
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0x1000, i 0, i 0)"
!macroend
