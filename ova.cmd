@echo off
rem ova launcher for Windows: builds the jar with Maven on first use, then runs it.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\ova.jar"
if not exist "%JAR%" (
  echo ova: building the jar ^(first run^)... 1>&2
  pushd "%HERE%"
  call mvn -B -q -DskipTests package
  if errorlevel 1 (
    popd
    echo ova: the build failed 1>&2
    exit /b 2
  )
  popd
)
rem the quick JIT compiler alone, for every command (measured: see ./ova and bench/README.md)
set "JIT=-XX:TieredStopAtLevel=1"
java -XX:+UseSerialGC %JIT% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
