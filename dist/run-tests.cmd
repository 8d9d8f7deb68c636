@echo off
rem SPDX-License-Identifier: LGPL-2.1-or-later
rem run-tests.cmd - runs the test programs of this archive on Windows, against
rem Windows' own CryptoAPI DLLs: what our tests assert about Windows, checked
rem on Windows.  One summary line per program; the programs' output goes to
rem results-ARCH.txt in the format of Wine's winetest reports, each
rem program's own log to logs-ARCH\NAME.log.
rem
rem   run-tests.cmd [x86_64^|i686] [PROGRAM]
rem
rem Without an architecture: x86_64 on 64-bit Windows, i686 on 32-bit.
setlocal
set WINETEST_PLATFORM=windows
set WINETEST_COLOR=0
set HERE=%~dp0
set ARCH=x86_64
if "%PROCESSOR_ARCHITECTURE%"=="x86" if "%PROCESSOR_ARCHITEW6432%"=="" set ARCH=i686
if not "%~1"=="" set ARCH=%~1
set ONLY=%~2
if not exist "%HERE%%ARCH%\rsaenh_slice.exe" (
	echo no test programs for %ARCH% in %HERE%%ARCH%
	exit /b 2
)
set /p VERSION=<"%HERE%VERSION"
set RESULTS=%CD%\results-%ARCH%.txt
set LOGS=%CD%\logs-%ARCH%
if not exist "%LOGS%" mkdir "%LOGS%"
> "%RESULTS%" echo Version 4
>> "%RESULTS%" echo Tests from build cryptoapi-nettle-%VERSION%
>> "%RESULTS%" echo Archive: cryptoapi-nettle-%VERSION%-tests.tar.xz
>> "%RESULTS%" echo Tag: %COMPUTERNAME%
>> "%RESULTS%" echo Build info:
>> "%RESULTS%" echo     cryptoapi-nettle %VERSION%, %ARCH%
>> "%RESULTS%" echo Operating system version:
ver >> "%RESULTS%"
>> "%RESULTS%" echo Test output:
set FAILED=0
rem (pushd and a bare pattern: Wine's cmd finds nothing for a quoted path with a wildcard)
pushd "%HERE%%ARCH%"
for %%t in (*.exe) do call :one %%~nt
popd
echo (the programs' output is in %RESULTS%)
if not "%FAILED%"=="0" exit /b 1
exit /b 0

rem One program: run it, append its output to the results, print its summary.
:one
if not "%ONLY%"=="" if not "%ONLY%"=="%1" goto :eof
"%HERE%%ARCH%\%1.exe" > "%LOGS%\%1.log" 2>&1
set RC=%ERRORLEVEL%
>> "%RESULTS%" echo cryptoapi:%1 start %ARCH%/%1.exe -
type "%LOGS%\%1.log" >> "%RESULTS%"
>> "%RESULTS%" echo cryptoapi:%1 done (%RC%)
set SUMMARY=
for /f "delims=" %%s in ('type "%LOGS%\%1.log" ^| find "tests executed"') do set SUMMARY=%%s
if "%SUMMARY%"=="" goto :crashed
echo %ARCH% %1: %SUMMARY%
if not "%RC%"=="0" set /a FAILED+=1
goto :eof
:crashed
echo %ARCH% %1: crashed or hung (exit %RC%)
set /a FAILED+=1
goto :eof
