-- A listed entry whose source states no role (a blank "entrance time and role" cell) was stored as MEMBER.
ALTER TYPE "MembershipRole" ADD VALUE 'NOT_STATED';
