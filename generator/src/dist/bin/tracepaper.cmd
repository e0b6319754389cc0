@echo off
rem Runs tracepaper on Windows with the start-up settings of bin/tracepaper (the launcher for Linux
rem and macOS, where they are explained): the C1 compiler only, the parallel collector with a young
rem generation of 24 MiB. DistributionIT checks that both name the same options. The class-data
rem archive bin/tracepaper keeps is left out here: the option that makes one on its own
rem (-XX:+AutoCreateSharedArchive) needs JDK 19, and tracepaper runs on 17.
rem JAVA_HOME, when set, names the JDK (else java on the PATH); TRACEPAPER_JAVA_OPTS adds options.
setlocal
set "TRACEPAPER_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:C1MaxInlineSize=15 -XX:+UseParallelGC -Xmn24m -XX:-UsePerfData -Xlog:cds=off -Xlog:cds+dynamic=off "-Dtracepaper.command=%~n0" %TRACEPAPER_JAVA_OPTS% -jar "%TRACEPAPER_HOME%\lib\tracepaper.jar" %*
exit /b %ERRORLEVEL%
