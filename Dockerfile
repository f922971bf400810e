# DyadWatch image: one image for every service (ingest, streams, alerts); the command picks the part.
# Build stage compiles the runnable jar from this repository; the runtime stage holds only a JRE and the jar.
# (.dockerignore leaves target/ and .git/ out of the build context; without .git, --version says "commit unknown".)

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl app -am package

FROM eclipse-temurin:17.0.15_6-jre-jammy
RUN groupadd --system dyadwatch && useradd --system --gid dyadwatch --home-dir /var/lib/dyadwatch dyadwatch \
    && mkdir -p /var/lib/dyadwatch && chown dyadwatch:dyadwatch /var/lib/dyadwatch
COPY --from=build /src/app/target/dyadwatch.jar /opt/dyadwatch/dyadwatch.jar
USER dyadwatch
WORKDIR /var/lib/dyadwatch
# Listen on every interface inside the container; state directories on the volume.
ENV DYADWATCH_HTTP_HOST=0.0.0.0 \
    DYADWATCH_STREAMS_STATE_DIR=/var/lib/dyadwatch/streams \
    DYADWATCH_ALERTS_STATE_DIR=/var/lib/dyadwatch/alerts
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/dyadwatch/dyadwatch.jar"]
CMD ["--help"]
