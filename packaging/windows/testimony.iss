; Inno Setup script for Testimony on Windows 10 and 11 (x64).
;
; Build on Windows after PyInstaller has made dist\testimony-app (see packaging\README.md):
;   iscc /DAppVersion=0.1.0 packaging\windows\testimony.iss
; Output: dist\Testimony-<version>-setup.exe
;
; Choices, and why:
; * Per-user install into %LOCALAPPDATA%\Programs\Testimony, with no administrator rights:
;   interviewers often use laptops they cannot elevate on, and nothing here needs the system.
; * A Start-menu entry only; no desktop icon unless asked for (a neutral screen is safer).
; * Uninstalling removes the program and nothing else. The vault lives apart, in
;   %LOCALAPPDATA%\Testimony, and is KEPT: an uninstall (or a reinstall to repair the
;   program) must never destroy testimony. Deleting the vault is a separate, deliberate act.
; * Unsigned builds trigger SmartScreen; sign the two .exe files and the installer with
;   signtool before distribution (packaging\README.md).

#define AppName "Testimony"
#define AppExe "testimony-app.exe"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\testimony-app"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; A fixed id: later versions upgrade this installation in place. Never change it.
AppId={{6F1B7C2E-4D0A-4B8E-9A55-2C3E8D7F1A90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Testimony developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=Testimony-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\LICENSE
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
CloseApplications=yes
RestartApplications=no
#ifexist "testimony.ico"
SetupIconFile=testimony.ico
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
; Inno Setup ships no official Azerbaijani catalogue; an unofficial one can be dropped in.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Azerbaijani.isl")
Name: "az"; MessagesFile: "compiler:Languages\Azerbaijani.isl"
#endif

[CustomMessages]
en.VaultKept=Testimony was removed. Your vault was not deleted: it is still in %1. Delete that folder yourself only when every testimony in it has reached your organisation.
ru.VaultKept=Testimony удалена. Ваше хранилище не удалено: оно по-прежнему находится в %1. Удаляйте эту папку сами, только когда все свидетельства из неё дошли до вашей организации.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Azerbaijani.isl")
az.VaultKept=Testimony silindi. Seyfiniz silinməyib: o, hələ də %1 qovluğundadır. Bu qovluğu yalnız içindəki bütün ifadələr təşkilatınıza çatdıqdan sonra özünüz silin.
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}\licenses"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "..\..\build\licenses\THIRD-PARTY-NOTICES.txt"; DestDir: "{app}\licenses"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder. Never {localappdata}\Testimony: that is the user's vault.
Type: filesandordirs; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('VaultKept'), [ExpandConstant('{localappdata}\Testimony')]),
      mbInformation, MB_OK);
end;
