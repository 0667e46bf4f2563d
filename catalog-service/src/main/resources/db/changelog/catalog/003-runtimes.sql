--liquibase formatted sql

--changeset lormas:catalog-003-runtime
create table runtime (
    id              text        not null primary key,
    name            text        not null,
    description     text        not null default '',
    base_image      text,
    detect_files    text[]      not null,
    build_commands  text[]      not null default '{}',
    start_command   text[]      not null default '{}',
    default_port    int,
    priority        int         not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
comment on table runtime is 'Buildpacks for apps deployed from source: the first runtime (by priority) one of whose detect files exists in the repository builds the app';
comment on column runtime.base_image is 'image the app is built and run on; null for dockerfile (the repository''s Dockerfile decides)';
comment on column runtime.build_commands is 'shell lines run inside the build container, in order (Dockerfile RUN lines), never on a host';
comment on column runtime.start_command is 'argument array the container starts with; empty means the image''s own CMD';

--changeset lormas:catalog-003-runtime-seed
insert into runtime (id, name, description, base_image, detect_files, build_commands, start_command, default_port, priority) values
('dockerfile', 'Dockerfile', 'Builds the repository''s own Dockerfile; the image''s CMD starts the app.',
 null, '{Dockerfile}', '{}', '{}', null, 10),
('node', 'Node.js', 'Node.js 22 LTS with npm: installs locked dependencies, runs the build script when there is one, starts with npm start.',
 'node:22-alpine', '{package.json}',
 '{"npm ci --no-audit --no-fund","npm run build --if-present","npm prune --omit=dev"}', '{npm,start}', 3000, 20),
('python', 'Python', 'Python 3.13: installs requirements.txt (or the project of pyproject.toml), starts the Procfile-style command app.py unless configured.',
 'python:3.13-slim', '{requirements.txt,pyproject.toml,Pipfile}',
 '{"if [ -f requirements.txt ]; then pip install --no-cache-dir -r requirements.txt; else pip install --no-cache-dir .; fi"}',
 '{python,app.py}', 8000, 30),
('java', 'Java', 'Eclipse Temurin 21: builds with the Maven or Gradle wrapper (or Maven), runs the packaged jar.',
 'eclipse-temurin:21-jdk', '{pom.xml,build.gradle,build.gradle.kts}',
 '{"if [ -f mvnw ]; then ./mvnw -q -DskipTests package; elif [ -f gradlew ]; then ./gradlew -q build -x test; else mvn -q -DskipTests package; fi","cp $(ls target/*.jar build/libs/*.jar 2>/dev/null | grep -v -e -plain -e -sources | head -1) app.jar"}',
 '{java,-jar,app.jar}', 8080, 40),
('go', 'Go', 'Go 1.24: builds a static binary of the main package at the repository root.',
 'golang:1.24-alpine', '{go.mod}',
 '{"CGO_ENABLED=0 go build -trimpath -o app ."}', '{./app}', 8080, 50),
('static', 'Static site', 'Serves the repository (or its dist/ or public/ folder) with nginx.',
 'nginx:1.27-alpine', '{index.html}',
 '{"if [ -d dist ]; then cp -r dist/. /usr/share/nginx/html/; elif [ -d public ]; then cp -r public/. /usr/share/nginx/html/; else cp -r . /usr/share/nginx/html/; fi"}',
 '{nginx,-g,daemon off;}', 80, 90);
