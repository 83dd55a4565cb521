-- A user's security roles are read by user (the SMS policy for group targets, a user's deletion):
-- the primary key leads with the role, so without this those reads scan the table.
CREATE INDEX "SecurityRoleMember_userId_idx" ON "SecurityRoleMember"("userId");
