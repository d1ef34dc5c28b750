-- Single sign-on with OpenID Connect (ADR 030): an organisation's identity provider, its e-mail
-- domains, the claim-value mappings to roles and teams, linked identities, and sign-ins under way.
CREATE TABLE "SsoProvider" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "issuerUrl" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretEncrypted" TEXT NOT NULL,
    "claimName" TEXT NOT NULL DEFAULT 'groups',
    "passwordsAllowed" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoProvider_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SsoDomain" (
    "domain" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,

    CONSTRAINT "SsoDomain_pkey" PRIMARY KEY ("domain")
);

CREATE TABLE "SsoGroupMapping" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "claimValue" TEXT NOT NULL,
    "grantsAdmin" BOOLEAN NOT NULL DEFAULT false,
    "teamId" TEXT,
    "teamRole" "TeamRole" NOT NULL DEFAULT 'learner',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoGroupMapping_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SsoIdentity" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoIdentity_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SsoLoginState" (
    "id" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "redirectTo" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoLoginState_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SsoProvider_organizationId_key" ON "SsoProvider"("organizationId");
CREATE INDEX "SsoDomain_providerId_idx" ON "SsoDomain"("providerId");
CREATE INDEX "SsoGroupMapping_providerId_idx" ON "SsoGroupMapping"("providerId");
CREATE INDEX "SsoGroupMapping_teamId_idx" ON "SsoGroupMapping"("teamId");
CREATE UNIQUE INDEX "SsoIdentity_userId_key" ON "SsoIdentity"("userId");
CREATE UNIQUE INDEX "SsoIdentity_providerId_subject_key" ON "SsoIdentity"("providerId", "subject");
CREATE UNIQUE INDEX "SsoLoginState_stateHash_key" ON "SsoLoginState"("stateHash");
CREATE INDEX "SsoLoginState_expiresAt_idx" ON "SsoLoginState"("expiresAt");

ALTER TABLE "SsoProvider" ADD CONSTRAINT "SsoProvider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SsoProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SsoGroupMapping" ADD CONSTRAINT "SsoGroupMapping_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SsoProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SsoGroupMapping" ADD CONSTRAINT "SsoGroupMapping_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SsoIdentity" ADD CONSTRAINT "SsoIdentity_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "SsoProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SsoIdentity" ADD CONSTRAINT "SsoIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
