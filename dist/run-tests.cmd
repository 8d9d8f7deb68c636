@echo off
rem SPDX-License-Identifier: LGPL-2.1-or-later
rem run-tests.cmd - runs the test programs of this archive on Windows, against
rem Windows' own CryptoAPI DLLs: what our tests assert about Windows, checked
rem on Windows.  One summary line per program; the programs' output goes to
rem results-ARCH.txt in the format of Wine's winetest reports.
rem
rem   run-tests.cmd [x86_64^|i686] [PROGRAM]
rem
rem Without an architecture: x86_64 on 64-bit Windows, i686 on 32-bit.
setlocal enabledelayedexpansion
set WINETEST_PLATFORM=windows
set WINETEST_COLOR=0
set HERE=%~dp0
set ARCH=x86_64
if /i "%PROCESSOR_ARCHITECTURE%"=="x86" if not defined PROCESSOR_ARCHITEW6432 set ARCH=i686
if not "%~1"=="" set ARCH=%~1
if not exist "%HERE%%ARCH%\" (
	echo no folder %ARCH% in %HERE%
	exit /b 2
)
set /p VERSION=<"%HERE%VERSION"
set RESULTS=%CD%\results-%ARCH%.txt
> "%RESULTS%" echo Version 4
>> "%RESULTS%" echo Tests from build cryptoapi-nettle-%VERSION%
>> "%RESULTS%" echo Archive: cryptoapi-nettle-%VERSION%-tests.tar.xz
>> "%RESULTS%" echo Tag: %COMPUTERNAME%
>> "%RESULTS%" echo Build info:
>> "%RESULTS%" echo     cryptoapi-nettle %VERSION%, %ARCH%
>> "%RESULTS%" echo Operating system version:
for /f "delims=" %%v in ('ver') do >> "%RESULTS%" echo     %%v
>> "%RESULTS%" echo Test output:
>> "%RESULTS%" echo.
set FAILED=0
for %%t in ("%HERE%%ARCH%\*.exe") do (
	set RUN=1
	if not "%~2"=="" if /i not "%%~nt"=="%~2" set RUN=0
	if "!RUN!"=="1" (
		"%%~ft" > "%TEMP%\cryptoapi-test.log" 2>&1
		set RC=!ERRORLEVEL!
		>> "%RESULTS%" echo cryptoapi:%%~nt start %ARCH%/%%~nxt -
		type "%TEMP%\cryptoapi-test.log" >> "%RESULTS%"
		>> "%RESULTS%" echo cryptoapi:%%~nt done ^(!RC!^)
		set SUMMARY=
		for /f "delims=" %%s in ('findstr /r /c:"tests executed" "%TEMP%\cryptoapi-test.log"') do set SUMMARY=%%s
		if "!SUMMARY!"=="" (
			echo %ARCH% %%~nt: crashed or hung ^(exit !RC!^)
			set /a FAILED+=1
		) else (
			echo %ARCH% %%~nt: !SUMMARY!
			if not "!RC!"=="0" set /a FAILED+=1
		)
	)
)
del "%TEMP%\cryptoapi-test.log" 2>nul
echo (the programs' output is in %RESULTS%)
if not "%FAILED%"=="0" exit /b 1
exit /b 0
