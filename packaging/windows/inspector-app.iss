; Inno Setup 6 script: installs the packaged Inspector for the current user, without
; administrator rights, into %LOCALAPPDATA%\Programs\Inspector, with a Start-menu entry
; (and a desktop one if chosen). Build dist\inspector-app\ first (packaging\README.md), then:
;
;   ISCC.exe packaging\windows\inspector-app.iss
;   ISCC.exe /Ssigntool="signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f" /DSignTool=signtool packaging\windows\inspector-app.iss
;
; The second form also signs the installer and the uninstaller. The version comes from the
; built program's version resource, which the spec writes from inspector_app/__init__.py.
; Uninstalling removes the program only: the data folder (%LOCALAPPDATA%\inspector-app:
; database, photos, keys) stays, and an upgrade's first start backs the database up before
; upgrading it.

#define AppName "Inspector"
#define AppExe "inspector-app.exe"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\inspector-app"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error dist\inspector-app\inspector-app.exe is missing or has no version: build it first
#endif

[Setup]
; AppId names the installation for upgrades and the uninstaller: never change it
AppId={{6A0D2F4E-3B7C-4E51-9D8A-2C5F1B7E9A43}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Inspector
; per user, no administrator: {autopf} is %LOCALAPPDATA%\Programs under "lowest"
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#DistDir}\..
OutputBaseFilename=inspector-app-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\inspector-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; an upgrade closes a running Inspector first (its files are in use otherwise)
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
; Chinese first: from the Inno Setup installation if it carries the translation, else from
; ChineseSimplified.isl put beside this script (jrsoftware.org/files/istrans/)
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an upgrade replaces the libraries wholesale: no file of the old version lingers
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
