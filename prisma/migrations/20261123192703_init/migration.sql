-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- Trigram search (hand-added: Prisma leaves extensions to us)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('YEAR', 'MONTH', 'DAY');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('ALLIANCE', 'NETWORK', 'ASSOCIATION', 'FEDERATION', 'CONSORTIUM', 'AGREEMENT', 'PROGRAMME');

-- CreateEnum
CREATE TYPE "InstitutionKind" AS ENUM ('UNIVERSITY', 'SCHOOL', 'ACADEMY', 'MINISTRY', 'AGENCY', 'HOSPITAL', 'RESEARCH_INSTITUTE', 'OTHER');

-- CreateEnum
CREATE TYPE "NameKind" AS ENUM ('OFFICIAL', 'ALTERNATE', 'FORMER');

-- CreateEnum
CREATE TYPE "Field" AS ENUM ('MEDICINE', 'HEALTH', 'EDUCATION', 'SCIENCE', 'TECHNOLOGY', 'ENVIRONMENT', 'CHINESE_MEDICINE', 'BIOMEDICAL_SCIENCE', 'HIGHER_EDUCATION');

-- CreateEnum
CREATE TYPE "FounderRole" AS ENUM ('FOUNDER', 'INITIATOR', 'PROPOSER', 'CO_SPONSOR', 'CONVENER', 'SUPPORTER', 'SIGNATORY', 'ORGANIZER');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('FOUNDING_MEMBER', 'MEMBER', 'CO_SPONSOR', 'INITIATOR', 'PRESIDENT', 'SIGNATORY', 'ORGANIZER', 'PARTNER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'OBSERVER');

-- CreateEnum
CREATE TYPE "CountSubject" AS ENUM ('MEMBERS', 'FOUNDING_MEMBERS', 'INITIATORS');

-- CreateEnum
CREATE TYPE "CountQualifier" AS ENUM ('EXACTLY', 'OVER', 'ABOUT', 'AT_LEAST');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('WEB_PAGE', 'DOCUMENT', 'EDITORIAL');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL DEFAULT 'WEB_PAGE',
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "url" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "seenOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "acronym" TEXT,
    "foundedOn" DATE,
    "foundedPrecision" "DatePrecision",
    "foundedSourceId" TEXT,
    "foundedQuote" TEXT,
    "introduction" TEXT,
    "introductionLocale" TEXT,
    "introductionSourceId" TEXT,
    "fields" "Field"[],
    "website" TEXT,
    "parentId" TEXT,
    "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationName" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "kind" "NameKind" NOT NULL DEFAULT 'OFFICIAL',
    "validFrom" DATE,
    "validFromPrecision" "DatePrecision",
    "validUntil" DATE,
    "validUntilPrecision" "DatePrecision",
    "sourceId" TEXT,
    "quote" TEXT,

    CONSTRAINT "OrganizationName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Institution" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "InstitutionKind" NOT NULL,
    "country" CHAR(2) NOT NULL,
    "city" TEXT,
    "website" TEXT,
    "rorId" TEXT,
    "wikidataId" TEXT,
    "sourceId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstitutionName" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "NameKind" NOT NULL DEFAULT 'OFFICIAL',
    "sourceId" TEXT,

    CONSTRAINT "InstitutionName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationFounder" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "role" "FounderRole" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT,

    CONSTRAINT "OrganizationFounder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclaredCount" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "subject" "CountSubject" NOT NULL,
    "qualifier" "CountQualifier" NOT NULL DEFAULT 'EXACTLY',
    "value" INTEGER NOT NULL,
    "previousValue" INTEGER,
    "countryCount" INTEGER,
    "countries" TEXT[],
    "countriesComplete" BOOLEAN NOT NULL DEFAULT false,
    "asOf" DATE,
    "asOfPrecision" "DatePrecision",
    "sourceId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,

    CONSTRAINT "DeclaredCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationPerson" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "description" TEXT,
    "institutionId" TEXT,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT,

    CONSTRAINT "OrganizationPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL DEFAULT 'MEMBER',
    "joinedOn" DATE,
    "joinedPrecision" "DatePrecision",
    "endedOn" DATE,
    "endedPrecision" "DatePrecision",
    "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "notes" TEXT,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE INDEX "Organization_foundedOn_idx" ON "Organization"("foundedOn");

-- CreateIndex
CREATE INDEX "Organization_updatedAt_idx" ON "Organization"("updatedAt");

-- CreateIndex
CREATE INDEX "Organization_createdAt_idx" ON "Organization"("createdAt");

-- CreateIndex
CREATE INDEX "Organization_countries_idx" ON "Organization" USING GIN ("countries");

-- CreateIndex
CREATE INDEX "Organization_search_trgm_idx" ON "Organization" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "OrganizationName_organizationId_kind_locale_idx" ON "OrganizationName"("organizationId", "kind", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationName_organizationId_locale_name_key" ON "OrganizationName"("organizationId", "locale", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Institution_slug_key" ON "Institution"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Institution_rorId_key" ON "Institution"("rorId");

-- CreateIndex
CREATE UNIQUE INDEX "Institution_wikidataId_key" ON "Institution"("wikidataId");

-- CreateIndex
CREATE INDEX "Institution_country_idx" ON "Institution"("country");

-- CreateIndex
CREATE INDEX "Institution_kind_idx" ON "Institution"("kind");

-- CreateIndex
CREATE INDEX "Institution_search_trgm_idx" ON "Institution" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "InstitutionName_institutionId_kind_locale_idx" ON "InstitutionName"("institutionId", "kind", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionName_institutionId_locale_name_key" ON "InstitutionName"("institutionId", "locale", "name");

-- CreateIndex
CREATE INDEX "OrganizationFounder_institutionId_idx" ON "OrganizationFounder"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationFounder_organizationId_institutionId_role_key" ON "OrganizationFounder"("organizationId", "institutionId", "role");

-- CreateIndex
CREATE INDEX "DeclaredCount_organizationId_idx" ON "DeclaredCount"("organizationId");

-- CreateIndex
CREATE INDEX "DeclaredCount_countries_idx" ON "DeclaredCount" USING GIN ("countries");

-- CreateIndex
CREATE INDEX "OrganizationPerson_organizationId_idx" ON "OrganizationPerson"("organizationId");

-- CreateIndex
CREATE INDEX "Membership_organizationId_joinedOn_idx" ON "Membership"("organizationId", "joinedOn");

-- CreateIndex
CREATE INDEX "Membership_updatedAt_idx" ON "Membership"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_institutionId_organizationId_key" ON "Membership"("institutionId", "organizationId");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_foundedSourceId_fkey" FOREIGN KEY ("foundedSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_introductionSourceId_fkey" FOREIGN KEY ("introductionSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationName" ADD CONSTRAINT "OrganizationName_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationName" ADD CONSTRAINT "OrganizationName_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionName" ADD CONSTRAINT "InstitutionName_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionName" ADD CONSTRAINT "InstitutionName_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationFounder" ADD CONSTRAINT "OrganizationFounder_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationFounder" ADD CONSTRAINT "OrganizationFounder_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationFounder" ADD CONSTRAINT "OrganizationFounder_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclaredCount" ADD CONSTRAINT "DeclaredCount_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclaredCount" ADD CONSTRAINT "DeclaredCount_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationPerson" ADD CONSTRAINT "OrganizationPerson_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationPerson" ADD CONSTRAINT "OrganizationPerson_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationPerson" ADD CONSTRAINT "OrganizationPerson_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
