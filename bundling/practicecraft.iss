; Inno Setup script for the Windows installer of PracticeCraft (see README.md, "Building the
; app"). Build the bundle first (dist\practicecraft\), then, with the version from pyproject:
;   iscc /DAppVersion=0.1.0 bundling\practicecraft.iss
; The installer is written to dist\installer\. Not built by CI (Inno Setup runs on Windows).
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z bundling\practicecraft.iss
#endif

[Setup]
AppId={{6C1F3C52-3F7B-4B8E-9B7E-4F0D2E9A1C17}
AppName=PracticeCraft
AppVersion={#AppVersion}
AppPublisher=PracticeCraft
DefaultDirName={autopf}\PracticeCraft
DefaultGroupName=PracticeCraft
; Per-machine install for a shared classroom PC; each Windows user keeps their own data.
PrivilegesRequired=admin
OutputDir=..\dist\installer
OutputBaseFilename=PracticeCraft-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\practicecraft.exe
; Signs the installer and uninstaller when a signing tool named "signtool" is configured in
; the Inno Setup IDE or on the iscc command line (/Ssigntool=...); see README.md.
#ifdef Sign
SignTool=signtool
#endif

[Files]
Source: "..\dist\practicecraft\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\PracticeCraft"; Filename: "{app}\practicecraft.exe"
Name: "{autodesktop}\PracticeCraft"; Filename: "{app}\practicecraft.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\practicecraft.exe"; Parameters: "--self-test"; Description: "Check the installation"; Flags: postinstall skipifsilent runhidden unchecked
